//! Wrong: builds the current_thread runtime, then drives main with
//! `runtime.handle().block_on(main)`. On a current_thread runtime only
//! `Runtime::block_on` runs the tasks and the timers: a `Handle` polls main
//! alone, and main's first sleep waits for ever. (Before every step test
//! ran under the watchdog, this hung `cargo test -p block-on` for ever.)
//! expect: Handle::block_on (or futures::executor::block_on inside Runtime::enter) polls main

pub fn run<F: Future>(main: F) -> F::Output {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build the runtime");
    runtime.handle().block_on(main)
}
