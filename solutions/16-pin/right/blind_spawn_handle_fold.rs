//! Right: recurses through a fn returning Pin<Box<dyn Future + Send>>, folds the children's reports, and puts each check under tokio's timeout_at in a task of its own. (Its heartbeat, a spawned JoinHandle in select!, is wrong/blind_spawned_call_handle.rs; its Deadline used pin-project-lite, which this workspace does not depend on; the reference Deadline is kept.)

pub async fn run_tree(node: &Node) -> Vec<String> {
    fn tree<'a>(node: &'a Node) -> Pin<Box<dyn Future<Output = Vec<String>> + Send + 'a>> {
        Box::pin(async move {
            let first = node.job.run().await;
            let subs = futures::future::join_all(node.children.iter().map(tree)).await;
            std::iter::once(first)
                .chain(subs.into_iter().flatten())
                .collect()
        })
    }
    tree(node).await
}

pub fn checks(api: &Api) -> Vec<Check> {
    let mut out: Vec<Check> = Vec::with_capacity(3);
    let a = api.clone();
    out.push(Box::pin(async move { a.fetch_user(1).await.to_string() }));
    let a = api.clone();
    out.push(Box::pin(async move { a.fetch_post(1).await.to_string() }));
    let a = api.clone();
    out.push(Box::pin(async move { a.fetch_data(1).await }));
    out
}

pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    let handles: Vec<_> = checks
        .into_iter()
        .map(|c| tokio::spawn(tokio::time::timeout_at(deadline, c)))
        .collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.expect("check panicked").map_err(|_| DeadlinePassed));
    }
    out
}
