//! Wrong: step 1 already uses the non-blocking tokio sleep, so the "mistake on purpose" does not block.
//! Real cause: step 1 must block the runtime thread (legacy.sleep), requests must run one after another
//! expect: each request's legacy.sleep holds the runtime thread

pub async fn blocking_handler(_legacy: &Legacy) {
    tokio::time::sleep(Duration::from_secs(1)).await;
}
