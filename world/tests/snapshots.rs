//! Every stored reference snapshot reads back as a timeline: the failure
//! picture and the real-clock run both draw the reference from it, and a
//! snapshot they cannot read would leave a learner without the picture,
//! silently. The root `cargo test` reads every kata's; `cargo kata verify`
//! runs this test for one kata, naming it in `SNAPSHOTS_OF_ENV`.

use std::path::Path;

use kata_protocol::SNAPSHOTS_OF_ENV;
use kata_protocol::kata::SNAPSHOTS_DIR;
use world::harness::unreadable_snapshots;

#[test]
fn every_stored_snapshot_reads_back_as_a_timeline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(SNAPSHOTS_DIR);
    let only = std::env::var(SNAPSHOTS_OF_ENV).ok();
    let unreadable = unreadable_snapshots(&dir, only.as_deref()).unwrap();
    assert!(
        unreadable.is_empty(),
        "stored snapshots that do not read back as a timeline (timeline::parse): {}",
        unreadable.join(", ")
    );
}
