//! Wrong: keeps one current-thread runtime per thread (`thread_local!`) and
//! reuses it for every call. Timers and flavor are right, but the runtime
//! is never dropped, so the tasks a main leaves behind live on after `run`
//! returns; `asyncio.run` makes a fresh loop and cancels what is left.
//! expect: the task was still alive after run returned

pub fn run<F: Future>(main: F) -> F::Output {
    thread_local! {
        static RT: Runtime = Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
    }
    RT.with(|rt| rt.block_on(main))
}
