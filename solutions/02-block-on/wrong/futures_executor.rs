//! Wrong: "any executor will do": runs main on `futures::executor::block_on`.
//! It polls futures, but it is no tokio runtime: there is no timer driver,
//! and tokio's `sleep` cannot even be created there.
//! expect: outside any tokio runtime

pub fn run<F: Future>(main: F) -> F::Output {
    futures::executor::block_on(main)
}
