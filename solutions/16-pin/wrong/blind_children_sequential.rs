//! Wrong: awaits each child's boxed tree in turn: the children run one after the other.
//! expect: the children ran one after the other

pub async fn run_tree(node: &Node) -> Vec<String> {
    let mut reports = vec![node.job.run().await];
    for child in &node.children {
        reports.extend(Box::pin(run_tree(child)).await);
    }
    reports
}
