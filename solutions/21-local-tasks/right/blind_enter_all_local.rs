//! Right: step 1 under local.enter(), every fetch a local task (the post too), the set awaited
//! whole, then the post's JoinHandle. Step 2 `if let .. else` (edition 2024 drops the Ref
//! before else). Step 3 join! of the post and join_all over the JoinHandles. Step 4 run_until
//! then block_on(local), reply over an mpsc(1), a local task per add.

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    // everything is a local task, the post included; the set is awaited
    // whole, which ends when all its tasks have
    let local = LocalSet::new();
    let post_handle = {
        let _guard = local.enter();
        for id in warm {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::task::spawn_local(async move {
                let user = api.fetch_user(id).await;
                cache.borrow_mut().insert(id, user);
            });
        }
        let api = api.clone();
        tokio::task::spawn_local(async move { api.fetch_post(serve).await })
    };
    local.await;
    post_handle.await.unwrap()
}

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    // edition 2024: the `if let` scrutinee's temporaries (the `Ref`) are
    // dropped before the `else` block runs
    if let Some(user) = cache.borrow().get(&id).cloned() {
        user
    } else {
        let user = api.fetch_user(id).await;
        cache.borrow_mut().insert(id, user.clone());
        user
    }
}

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let handles: Vec<_> = warm
        .iter()
        .map(|&id| {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::spawn(async move {
                let user = api.fetch_user(id).await;
                cache.lock().unwrap().insert(id, user);
            })
        })
        .collect();
    let (post, done) = tokio::join!(api.fetch_post(serve), futures::future::join_all(handles));
    for d in done {
        d.unwrap();
    }
    post
}

pub struct Shards {
    inboxes: Vec<mpsc::UnboundedSender<(u64, u64, mpsc::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
    n: u64,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut inboxes = Vec::with_capacity(n);
        let mut threads = Vec::with_capacity(n);
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, mpsc::Sender<Hit>)>();
            inboxes.push(tx);
            threads.push(
                std::thread::Builder::new()
                    .name(format!("shard-{i}"))
                    .spawn(move || {
                        let rt = tokio::runtime::Builder::new_current_thread()
                            .enable_time()
                            .build()
                            .unwrap();
                        let local = LocalSet::new();
                        let totals = Rc::new(RefCell::new(HashMap::<u64, u64>::new()));
                        let t2 = totals.clone();
                        rt.block_on(local.run_until(async move {
                            while let Some((key, amount, reply)) = rx.recv().await {
                                let t2 = t2.clone();
                                // a local task per add; the loop moves on
                                tokio::task::spawn_local(async move {
                                    let total = {
                                        let mut m = t2.borrow_mut();
                                        *m.entry(key).and_modify(|v| *v += amount).or_insert(amount)
                                    };
                                    let _ = reply
                                        .send(Hit {
                                            total,
                                            shard: i,
                                            place: Place::here(),
                                        })
                                        .await;
                                });
                            }
                        }));
                        // run_until left tasks parked? drive them to the end
                        rt.block_on(local);
                        let map = totals.borrow().clone();
                        map
                    })
                    .unwrap(),
            );
        }
        Shards {
            inboxes,
            threads,
            n: n as u64,
        }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let (tx, mut rx) = mpsc::channel(1);
        self.inboxes[(key % self.n) as usize]
            .send((key, amount, tx))
            .unwrap();
        rx.recv().await.unwrap()
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.inboxes);
        self.threads
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect()
    }
}
