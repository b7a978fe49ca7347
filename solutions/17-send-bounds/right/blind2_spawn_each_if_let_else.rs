//! Right: step 1 a tokio task per id, handles awaited in order; step 2 an edition-2024 `if let ... else` whose scrutinee's guard is dropped before
//! the else that fetches; step 3 an array of boxes collected into the Vec; step 4 spawns names() itself (as a task inside the task);
//! step 5 spawn_local handles joined with join_all inside run_until.

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let hs: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_user(id).await.name })
        })
        .collect();
    let mut out = Vec::with_capacity(hs.len());
    for h in hs {
        out.push(h.await.unwrap());
    }
    out
}

pub type Cache = Arc<Mutex<HashMap<u32, User>>>;
pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    if let Some(u) = cache.lock().unwrap().get(&id).cloned() {
        u
    } else {
        let user = api.fetch_user(id).await;
        cache.lock().unwrap().insert(id, user.clone());
        user
    }
}

pub type Call = Pin<Box<dyn Future<Output = String> + Send + 'static>>;
pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    let (a, b, c) = (api.clone(), api.clone(), api.clone());
    let arr: [Call; 3] = [
        Box::pin(async move { a.fetch_user(id).await.name }),
        Box::pin(async move { b.fetch_post(id).await.title }),
        Box::pin(async move { c.fetch_data(id).await }),
    ];
    arr.into_iter().collect()
}

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    let fut = names(api.clone(), ids.to_vec());
    tokio::spawn(async move {
        let hs = futures::future::try_join_all(vec![tokio::spawn(fut)])
            .await
            .unwrap();
        hs.into_iter().next().unwrap()
    })
}

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let hs: Vec<_> = ids
                .iter()
                .map(|&id| {
                    let (api, log) = (api.clone(), log.clone());
                    tokio::task::spawn_local(async move {
                        let name = api.fetch_user(id).await.name;
                        log.borrow_mut().push(name);
                    })
                })
                .collect();
            for r in futures::future::join_all(hs).await {
                r.unwrap();
            }
        })
        .await;
}
