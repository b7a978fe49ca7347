//! A job that takes a fixed time, such as the seed's `limited_worker`.

use std::time::Duration;

use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::World;

/// One unit of work, drawn on a row named after it. `Clone` so that it can
/// move into a spawned task.
#[derive(Clone)]
pub struct Job {
    world: World,
    name: String,
    takes: Duration,
}

impl Job {
    pub fn new(world: &World, name: impl Into<String>, takes: Duration) -> Job {
        Job {
            world: world.clone(),
            name: name.into(),
            takes,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Does the work; answers `"{name} done"`.
    pub async fn run(&self) -> String {
        let span = self.world.span(&self.name, "", Fill::Work);
        sleep(self.takes).await;
        let report = format!("{} done", self.name);
        span.end(Some(&report));
        report
    }
}
