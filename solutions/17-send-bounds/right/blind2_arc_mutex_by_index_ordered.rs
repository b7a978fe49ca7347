//! Right: step 1 shares Arc<std Mutex<Vec>> filled by index (the guard a temporary of one statement, after the .await), then takes the Vec out;
//! step 2 ends the guard's scope with a block, fetches in a match on the copy, and keeps the first insert (entry().or_insert_with);
//! step 3 boxes through a helper fn; step 4 collects the calls through FuturesOrdered; step 5 JoinSet::spawn_local inside run_until.

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let names = Arc::new(Mutex::new(vec![String::new(); ids.len()]));
    let calls = ids.iter().enumerate().map(|(i, &id)| {
        let (api, names) = (api.clone(), names.clone());
        async move {
            let user = api.fetch_user(id).await;
            names.lock().unwrap()[i] = user.name;
        }
    });
    futures::future::join_all(calls).await;
    let v = std::mem::take(&mut *names.lock().unwrap());
    v
}

pub type Cache = Arc<Mutex<HashMap<u32, User>>>;
pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    let hit = {
        let g = cache.lock().unwrap();
        g.get(&id).cloned()
    };
    match hit {
        Some(u) => u,
        None => {
            let user = api.fetch_user(id).await;
            cache
                .lock()
                .unwrap()
                .entry(id)
                .or_insert_with(|| user.clone());
            user
        }
    }
}

pub type Call = Pin<Box<dyn Future<Output = String> + Send + 'static>>;
pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    fn boxed<F: Future<Output = String> + Send + 'static>(f: F) -> Call {
        Box::pin(f)
    }
    let a = api.clone();
    let b = api.clone();
    let c = api.clone();
    let user = boxed(async move { a.fetch_user(id).await.name });
    let post = boxed(async move { b.fetch_post(id).await.title });
    let data = boxed(async move { c.fetch_data(id).await });
    vec![user, post, data]
}

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    use futures::StreamExt;
    let api = api.clone();
    let ids: Vec<u32> = ids.iter().copied().collect();
    tokio::spawn(async move {
        let calls: futures::stream::FuturesOrdered<_> = ids
            .into_iter()
            .map(|id| {
                let api = api.clone();
                async move { api.fetch_user(id).await.name }
            })
            .collect();
        calls.collect::<Vec<_>>().await
    })
}

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    tokio::task::LocalSet::new()
        .run_until(async move {
            let mut set = tokio::task::JoinSet::new();
            for id in ids {
                let (api, log) = (api.clone(), log.clone());
                set.spawn_local(async move {
                    let user = api.fetch_user(id).await;
                    log.borrow_mut().push(user.name);
                });
            }
            while let Some(r) = set.join_next().await {
                r.unwrap();
            }
        })
        .await;
}
