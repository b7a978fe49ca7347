//! Kata 20, deadlock: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! (Being written: the steps' tests land with the reference solution.)

#[cfg(not(feature = "reference"))]
#[allow(unused_imports)]
use deadlock as kata;
#[cfg(feature = "reference")]
#[allow(unused_imports)]
use deadlock_solution as kata;
