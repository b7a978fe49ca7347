//! Right: step 1 spawns on the set with `local.spawn_local` (the method), drives it with
//! `run_until` of the post, then awaits the set to the end. Step 2 `if let` on the borrow,
//! returning a clone (edition 2024 drops the Ref before the fetch). Step 3 a `JoinSet`. Step 4
//! each shard a `LocalRuntime` (`build_local`), a bounded mpsc(16), one local task that serves
//! the adds in order and is awaited; the map taken back with `Rc::try_unwrap`.

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    for id in warm {
        let (api, cache) = (api.clone(), cache.clone());
        local.spawn_local(async move {
            let user = api.fetch_user(id).await;
            cache.borrow_mut().insert(id, user);
        });
    }
    // drive the set while the post is fetched, then drive it to the end
    let post = local.run_until(api.fetch_post(serve)).await;
    local.await;
    post
}

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    if let Some(user) = cache.borrow().get(&id) {
        return user.clone();
    }
    let user = api.fetch_user(id).await;
    cache.borrow_mut().insert(id, user.clone());
    user
}

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let mut set = tokio::task::JoinSet::new();
    for id in warm {
        let (api, cache) = (api.clone(), cache.clone());
        set.spawn(async move {
            let user = api.fetch_user(id).await;
            cache.lock().unwrap().insert(id, user);
        });
    }
    let post = api.fetch_post(serve).await;
    while let Some(done) = set.join_next().await {
        done.unwrap();
    }
    post
}

pub struct Shards {
    shards: Vec<(
        mpsc::Sender<(u64, u64, oneshot::Sender<Hit>)>,
        std::thread::JoinHandle<HashMap<u64, u64>>,
    )>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let shards = (0..n)
            .map(|i| {
                let (tx, mut rx) = mpsc::channel::<(u64, u64, oneshot::Sender<Hit>)>(16);
                let thread = std::thread::Builder::new()
                    .name(format!("shard-{i}"))
                    .spawn(move || {
                        // a LocalRuntime: spawn_local works anywhere on it
                        let rt = tokio::runtime::Builder::new_current_thread()
                            .build_local(Default::default())
                            .unwrap();
                        let totals: Rc<RefCell<HashMap<u64, u64>>> =
                            Rc::new(RefCell::new(HashMap::new()));
                        let state = Rc::clone(&totals);
                        rt.block_on(async move {
                            tokio::task::spawn_local(async move {
                                while let Some((key, amount, reply)) = rx.recv().await {
                                    let total = {
                                        let mut map = state.borrow_mut();
                                        let t = map.entry(key).or_default();
                                        *t += amount;
                                        *t
                                    };
                                    let place = Place::here();
                                    let _ = reply.send(Hit {
                                        total,
                                        shard: i,
                                        place,
                                    });
                                }
                            })
                            .await
                            .unwrap();
                        });
                        Rc::try_unwrap(totals).expect("one owner left").into_inner()
                    })
                    .expect("spawn a shard thread");
                (tx, thread)
            })
            .collect();
        Shards { shards }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let shard = &self.shards[(key as usize) % self.shards.len()];
        let (reply, answer) = oneshot::channel();
        shard
            .0
            .send((key, amount, reply))
            .await
            .expect("shard alive");
        answer.await.expect("shard answers")
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        let (txs, threads): (Vec<_>, Vec<_>) = self.shards.into_iter().unzip();
        drop(txs);
        threads
            .into_iter()
            .map(|t| t.join().expect("shard panicked"))
            .collect()
    }
}
