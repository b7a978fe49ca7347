//! Kata 21, local tasks: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

#[cfg(not(feature = "reference"))]
use local_tasks as kata;
#[cfg(feature = "reference")]
use local_tasks_solution as kata;
use world::{Api, World, assert_timeline, within};

#[world::step]
#[ignore = "TODO(author): delete this line once the step and its reference are written"]
async fn step1_step_one() {
    let world = World::start();
    let api = Api::new(&world);

    let answer = within(10, kata::step_one(&api)).await;

    assert_eq!(
        answer, "TODO(author)",
        "TODO(author): the fact this step proves, in words that name the concept"
    );
    assert_timeline!("step1_step_one", world);
}
