//! Wrong: boxes every future (`Pin<Box<dyn Future>>`) before `join_all`,
//! which for more than 30 futures puts each in a node of its own
//! (`FuturesOrdered`): two allocations per request where one does.
//! expect: boxes it twice

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    let futures: Vec<std::pin::Pin<Box<dyn std::future::Future<Output = u32> + Send + '_>>> =
        (1..=n).map(|id| Box::pin(batch.request(id)) as _).collect();
    join_all(futures).await
}
