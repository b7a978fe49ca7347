//! Right: Cache switched to tokio::sync::Mutex (the README allows it), the guard ends before the fetch and again before returning;
//! steps 1 and 4 use FuturesUnordered keyed by index, sorted back into the order of ids; step 3 builds the Vec with push and
//! an explicit `as Call` coercion; step 5 collects the spawn_local handles in a JoinSet-free join_all of JoinHandles.

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    use futures::stream::{FuturesUnordered, StreamExt};
    let mut calls: FuturesUnordered<_> = ids
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            let api = api.clone();
            async move { (i, api.fetch_user(id).await.name) }
        })
        .collect();
    let mut got = Vec::new();
    while let Some(pair) = calls.next().await {
        got.push(pair);
    }
    got.sort_by_key(|(i, _)| *i);
    got.into_iter().map(|(_, n)| n).collect()
}

pub type Cache = Arc<tokio::sync::Mutex<HashMap<u32, User>>>;

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    let hit = {
        let map = cache.lock().await;
        map.get(&id).cloned()
    };
    match hit {
        Some(user) => user,
        None => {
            let user = api.fetch_user(id).await;
            cache.lock().await.insert(id, user.clone());
            user
        }
    }
}

pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    let mut out: Vec<Call> = Vec::with_capacity(3);
    let api1 = api.clone();
    out.push(Box::pin(async move { api1.fetch_user(id).await.name }) as Call);
    let api2 = api.clone();
    out.push(Box::pin(async move { api2.fetch_post(id).await.title }) as Call);
    let api3 = api.clone();
    out.push(Box::pin(async move { api3.fetch_data(id).await }) as Call);
    out
}

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    let api = api.clone();
    let ids: Vec<u32> = ids.iter().copied().collect();
    tokio::spawn(async move {
        use futures::stream::{FuturesUnordered, StreamExt};
        let mut out = vec![String::new(); ids.len()];
        let mut calls: FuturesUnordered<_> = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| {
                let api = api.clone();
                async move { (i, api.fetch_user(id).await.name) }
            })
            .collect();
        while let Some((i, n)) = calls.next().await {
            out[i] = n;
        }
        out
    })
}

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            let handles: Vec<_> = ids
                .into_iter()
                .map(|id| {
                    let (api, log) = (api.clone(), log.clone());
                    tokio::task::spawn_local(async move {
                        let name = api.fetch_user(id).await.name;
                        log.borrow_mut().push(name);
                    })
                })
                .collect();
            for r in futures::future::join_all(handles).await {
                r.unwrap();
            }
        })
        .await;
}
