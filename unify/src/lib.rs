//! Nothing to use: this crate exists for its `Cargo.toml`, which asks for
//! the features every build of the workspace must agree on. See there.
