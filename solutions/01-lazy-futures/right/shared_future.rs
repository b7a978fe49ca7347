//! Right: step 4 makes the one future `Shared`: it runs once, and every
//! clone of it, awaited, gets a clone of the answer.

pub async fn data_twice(console: &Console) -> (String, String) {
    use futures::FutureExt;
    let fetch = fetch_data(console).shared();
    let first = fetch.clone().await;
    (first, fetch.await)
}
