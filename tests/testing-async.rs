//! Kata 23, testing async: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

#[cfg(not(feature = "reference"))]
use testing_async as kata;
#[cfg(feature = "reference")]
use testing_async_solution as kata;
