//! Semantic comparison of two plans (being written).
