//! Reports of a plan comparison (being written).
