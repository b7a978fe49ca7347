//! Wrong: pins one future and awaits it twice through `as_mut()`, as Python
//! would `await c` twice. The first `.await` ran it to the end; polling a
//! finished `async fn` future again panics, as Python raises "cannot reuse
//! already awaited coroutine".
//! expect: `async fn` resumed after completion

pub async fn data_twice(console: &Console) -> (String, String) {
    let mut fetch = std::pin::pin!(fetch_data(console));
    let first = fetch.as_mut().await;
    let second = fetch.as_mut().await;
    (first, second)
}
