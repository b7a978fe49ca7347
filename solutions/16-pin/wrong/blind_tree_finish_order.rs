//! Wrong: collects the subtrees from FuturesUnordered: the reports come in finishing order, not tree order.
//! expect: the reports in tree order, not finishing order

pub async fn run_tree(node: &Node) -> Vec<String> {
    use futures::StreamExt;
    let mut reports = vec![node.job.run().await];
    let mut subtrees: futures::stream::FuturesUnordered<_> = node
        .children
        .iter()
        .map(|child| Box::pin(run_tree(child)))
        .collect();
    while let Some(sub) = subtrees.next().await {
        reports.extend(sub);
    }
    reports
}
