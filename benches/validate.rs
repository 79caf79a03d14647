//! Criterion benchmark: validating a 999-TN order (issue 2 target: under 1 ms).

fn main() {}
