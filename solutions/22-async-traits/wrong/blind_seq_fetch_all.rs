//! Wrong: fetch_all awaits each call in turn (a for loop over the ids): users 1, 2, 3 take 500 + 100 + 500 ms instead of 500.
//! expect: fetch_all asks for every answer at once

pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    let mut out = Vec::new();
    for &id in ids {
        out.push(source.fetch(id).await);
    }
    out
}
