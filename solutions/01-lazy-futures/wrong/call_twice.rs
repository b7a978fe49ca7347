//! Wrong: needs the answer twice, so awaits fetch_data twice. In Rust
//! `.await` uses the future up, so "awaiting twice" means calling twice: two
//! futures, the body run twice, two requests, 2 s.
//! expect: a future runs once per call

pub async fn data_twice(console: &Console) -> (String, String) {
    (fetch_data(console).await, fetch_data(console).await)
}
