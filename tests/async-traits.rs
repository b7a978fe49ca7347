//! Kata 22, async traits: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

#[cfg(not(feature = "reference"))]
use async_traits as kata;
#[cfg(feature = "reference")]
use async_traits_solution as kata;
use world::{Api, World, assert_timeline, within};

#[world::step]
#[ignore = "TODO(author): delete this line once the step and its reference are written"]
async fn step1_generic() {
    let world = World::start();
    let api = Api::new(&world);
    let users = kata::Users::new(&api);

    let answer = within(10, kata::fetch_all(&users, &[1, 2, 3])).await;

    assert_eq!(
        answer,
        ["User1", "User2", "User3"],
        "{}",
        world::say!(en: "TODO(author)", ko: "TODO(author)")
    );
    assert_timeline!("step1_generic", world);
}

#[world::step]
#[ignore = "probe"]
async fn probe_sizes() {
    use kata::{DynSource, Source};
    let world = World::start();
    let api = Api::new(&world);
    let users = kata::Users::new(&api);
    let posts = kata::Posts::new(&api);
    let g = allocation_counter::measure(|| drop(Source::fetch(&users, 1)));
    let d = allocation_counter::measure(|| drop(DynSource::fetch_boxed(&users, 1)));
    let p = allocation_counter::measure(|| drop(DynSource::fetch_boxed(&posts, 1)));
    let b = allocation_counter::measure(|| {
        drop(DynSource::fetch_boxed(
            &kata::Boxed(kata::Users::new(&api)),
            1,
        ))
    });
    println!(
        "generic {g:?}\ndyn users {d:?}\ndyn posts {p:?}\nboxed {b:?}\nsize {}",
        std::mem::size_of_val(&Source::fetch(&users, 1))
    );
}
