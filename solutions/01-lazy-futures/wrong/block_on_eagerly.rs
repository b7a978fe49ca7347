//! Wrong: runs the work to the end on the call with `block_on`, and wraps
//! the answer in a ready future. Inside a runtime, `block_on` panics (it
//! would block the thread that drives every task); outside one it would
//! take the full second on the call, before anyone asked for the value.
//! expect: calling fetch_later should only build a future

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let data = tokio::runtime::Handle::current().block_on(fetch_data(console));
    std::future::ready(data)
}
