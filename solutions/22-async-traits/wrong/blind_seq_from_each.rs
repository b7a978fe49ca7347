//! Wrong: fetch_from_each awaits each source's boxed future in turn: User1 at 500 ms, Post1 only at 800 ms.
//! expect: fetch_from_each asks for every answer at once

pub async fn fetch_from_each(sources: &[&dyn DynSource], id: u32) -> Vec<String> {
    let mut out = Vec::with_capacity(sources.len());
    for source in sources {
        out.push(source.fetch_boxed(id).await);
    }
    out
}
