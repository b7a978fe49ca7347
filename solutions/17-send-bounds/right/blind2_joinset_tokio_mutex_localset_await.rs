//! Right: step 1 a JoinSet of (index, name), put back by index; step 2 Cache switched to tokio::sync::Mutex (the README allows it), its guard ended
//! by a block before the fetch; step 3 FutureExt::boxed pushed one by one; step 4 spawns a task per id at once and a task that awaits their handles in order;
//! step 5 LocalSet::spawn_local for each id, then awaits the LocalSet itself (it completes when every task it holds is done).

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let mut set = tokio::task::JoinSet::new();
    for (i, id) in ids.iter().copied().enumerate() {
        let api = api.clone();
        set.spawn(async move { (i, api.fetch_user(id).await.name) });
    }
    let mut out = vec![String::new(); ids.len()];
    while let Some(r) = set.join_next().await {
        let (i, n) = r.unwrap();
        out[i] = n;
    }
    out
}

pub type Cache = Arc<tokio::sync::Mutex<HashMap<u32, User>>>;
pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    {
        let map = cache.lock().await;
        if let Some(u) = map.get(&id) {
            return u.clone();
        }
    }
    let user = api.fetch_user(id).await;
    cache.lock().await.insert(id, user.clone());
    user
}

pub type Call = Pin<Box<dyn Future<Output = String> + Send + 'static>>;
pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    use futures::FutureExt;
    let mut v: Vec<Call> = Vec::new();
    let a = api.clone();
    v.push(async move { a.fetch_user(id).await.name }.boxed());
    let a = api.clone();
    v.push(async move { a.fetch_post(id).await.title }.boxed());
    let a = api.clone();
    v.push(async move { a.fetch_data(id).await }.boxed());
    v
}

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    let hs: Vec<_> = ids
        .iter()
        .map(|&id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_user(id).await.name })
        })
        .collect();
    tokio::spawn(async move {
        let mut out = Vec::new();
        for h in hs {
            out.push(h.await.unwrap());
        }
        out
    })
}

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let local = tokio::task::LocalSet::new();
    for id in ids {
        let (api, log) = (api.clone(), log.clone());
        local.spawn_local(async move {
            let user = api.fetch_user(id).await;
            log.borrow_mut().push(user.name);
        });
    }
    local.await;
}
