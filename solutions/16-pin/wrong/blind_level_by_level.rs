//! Wrong: runs the tree level by level: each level waits for the slowest job of the one before.
//! expect: the tree ran level by level

pub async fn run_tree(node: &Node) -> Vec<String> {
    // reports keyed by preorder index so the answer is still in tree order
    fn preorder<'a>(n: &'a Node, depth: usize, out: &mut Vec<(&'a Node, usize)>) {
        out.push((n, depth));
        for c in &n.children {
            preorder(c, depth + 1, out);
        }
    }
    let mut all = Vec::new();
    preorder(node, 0, &mut all);
    let max = all.iter().map(|(_, d)| *d).max().unwrap_or(0);
    let mut reports = vec![String::new(); all.len()];
    for depth in 0..=max {
        let level: Vec<_> = all
            .iter()
            .enumerate()
            .filter(|(_, (_, d))| *d == depth)
            .collect();
        let done = futures::future::join_all(level.iter().map(|(_, (n, _))| n.job.run())).await;
        for ((i, _), r) in level.iter().zip(done) {
            reports[*i] = r;
        }
    }
    reports
}
