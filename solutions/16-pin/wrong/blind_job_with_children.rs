//! Wrong: joins the node's job with its children's trees: the children start beside their parent, not after it.
//! expect: before its parent a was done

pub async fn run_tree(node: &Node) -> Vec<String> {
    let subtrees = node.children.iter().map(|child| Box::pin(run_tree(child)));
    let (me, subs) = tokio::join!(node.job.run(), futures::future::join_all(subtrees));
    let mut reports = vec![me];
    for s in subs {
        reports.extend(s);
    }
    reports
}
