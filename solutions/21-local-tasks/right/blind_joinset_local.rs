//! Right: step 1 a JoinSet::spawn_local inside run_until, drained with join_next. Step 2 insert
//! with entry().or_insert_with (keeps a racing insert). Steps 3 and 4 close to the hints (an unbounded
//! tokio channel per shard, updates inline in the loop).

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    local
        .run_until(async {
            let mut set = tokio::task::JoinSet::new();
            for id in warm {
                let (api, cache) = (api.clone(), Rc::clone(&cache));
                set.spawn_local(async move {
                    let user = api.fetch_user(id).await;
                    cache.borrow_mut().insert(id, user);
                });
            }
            let post = api.fetch_post(serve).await;
            while let Some(r) = set.join_next().await {
                r.unwrap();
            }
            post
        })
        .await
}

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    let hit = cache.borrow().get(&id).cloned();
    match hit {
        Some(user) => user,
        None => {
            let user = api.fetch_user(id).await;
            // insert only if nobody else did meanwhile
            cache.borrow_mut().entry(id).or_insert_with(|| user.clone());
            user
        }
    }
}

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let tasks: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::spawn(async move {
                let user = api.fetch_user(id).await;
                cache.lock().unwrap().insert(id, user);
            })
        })
        .collect();
    let post = api.fetch_post(serve).await;
    for t in tasks {
        t.await.unwrap();
    }
    post
}

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            let handle = std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .unwrap();
                    let totals: Rc<RefCell<HashMap<u64, u64>>> = Rc::default();
                    let local = LocalSet::new();
                    let state = totals.clone();
                    local.block_on(&rt, async move {
                        while let Some((key, amount, reply)) = rx.recv().await {
                            let total = {
                                let mut t = state.borrow_mut();
                                let e = t.entry(key).or_insert(0);
                                *e += amount;
                                *e
                            };
                            let _ = reply.send(Hit {
                                total,
                                shard: i,
                                place: Place::here(),
                            });
                        }
                    });
                    totals.take()
                })
                .unwrap();
            threads.push(handle);
        }
        Shards { senders, threads }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let i = (key % self.senders.len() as u64) as usize;
        let (tx, rx) = oneshot::channel();
        self.senders[i]
            .send((key, amount, tx))
            .expect("shard alive");
        rx.await.expect("shard answers")
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.senders);
        self.threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect()
    }
}
