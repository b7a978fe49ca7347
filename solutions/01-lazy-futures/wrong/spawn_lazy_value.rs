//! Wrong: spawns the work to get a `'static` future, and returns its
//! `JoinHandle` as the value. The handle is a future, but the task runs at
//! once, whether or not anyone ever polls it: that is `create_task`, not a
//! lazy value.
//! expect: a lazy value runs nothing until it is polled

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let console = console.clone();
    let task = tokio::spawn(async move { fetch_data(&console).await });
    async move { task.await.expect("the fetch task panicked") }
}
