//! Wrong: sleeps first and prints "fetching" after the sleep, so the body
//! seems to start at 1000 ms. Step 4 has one fetch all the same, and must
//! say so: the print came late, there was no second request.
//! expect: one fetch, as asked, but "fetching" was printed at 1000 ms

pub async fn fetch_data(console: &Console) -> String {
    tokio::time::sleep(Duration::from_secs(1)).await;
    console.print("fetching");
    "data".to_owned()
}
