//! Wrong: calls fetch_data twice, but joins the two calls so that it takes
//! only 1 s. Concurrent, yet still two requests: the body ran twice.
//! expect: a future runs once per call

pub async fn data_twice(console: &Console) -> (String, String) {
    tokio::join!(fetch_data(console), fetch_data(console))
}
