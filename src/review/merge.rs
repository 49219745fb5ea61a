//! Three-way merge of plans (being written).
