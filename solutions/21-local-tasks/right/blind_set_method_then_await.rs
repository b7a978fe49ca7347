//! Right: step 1 spawns with the method LocalSet::spawn_local (not yet running), drives the set
//! with run_until of the post, then `local.await` for the rest (README: "tasks not done stay in
//! the set"). Step 2 in a scoped block and entry().or_insert. Step 3 JoinSet. Step 4 a
//! LocalRuntime per shard, bounded channels, a spawn_local per add.

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    // spawn on the set (not run yet), drive it while the post is fetched,
    // then drive it again until every warming task has ended
    let local = LocalSet::new();
    for &id in &warm {
        let (api, cache) = (api.clone(), cache.clone());
        local.spawn_local(async move {
            let user = api.fetch_user(id).await;
            cache.borrow_mut().insert(id, user);
        });
    }
    let post = local.run_until(api.fetch_post(serve)).await;
    local.await;
    post
}

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    {
        let c = cache.borrow();
        if let Some(u) = c.get(&id) {
            return u.clone();
        }
    } // the Ref ends here, before any await
    let user = api.fetch_user(id).await;
    cache.borrow_mut().entry(id).or_insert(user).clone()
}

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let mut set = tokio::task::JoinSet::new();
    for id in warm {
        let (api, cache) = (api.clone(), Arc::clone(&cache));
        set.spawn(async move {
            let user = api.fetch_user(id).await;
            let mut map = cache.lock().unwrap();
            map.insert(id, user);
        });
    }
    let post = api.fetch_post(serve).await;
    set.join_all().await;
    post
}

pub struct Shards {
    mailboxes: Vec<mpsc::Sender<Add>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let (mailboxes, threads) = (0..n)
            .map(|i| {
                let (tx, mut rx) = mpsc::channel::<Add>(16);
                let thread = std::thread::Builder::new()
                    .name(format!("shard-{i}"))
                    .spawn(move || {
                        // a LocalRuntime: spawn_local works anywhere on it
                        let rt = tokio::runtime::Builder::new_current_thread()
                            .build_local(Default::default())
                            .unwrap();
                        let totals: Rc<RefCell<HashMap<u64, u64>>> =
                            Rc::new(RefCell::new(HashMap::new()));
                        rt.block_on(async {
                            let mut pending = Vec::new();
                            while let Some(Add { key, amount, reply }) = rx.recv().await {
                                let totals = totals.clone();
                                pending.push(tokio::task::spawn_local(async move {
                                    let mut t = totals.borrow_mut();
                                    let e = t.entry(key).or_default();
                                    *e += amount;
                                    let total = *e;
                                    drop(t);
                                    let _ = reply.send(Hit {
                                        total,
                                        shard: i,
                                        place: Place::here(),
                                    });
                                }));
                            }
                            for p in pending {
                                p.await.unwrap();
                            }
                        });
                        drop(rt);
                        Rc::try_unwrap(totals).expect("no task left").into_inner()
                    })
                    .expect("spawn shard thread");
                (tx, thread)
            })
            .unzip();
        Shards { mailboxes, threads }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let shard = (key % self.mailboxes.len() as u64) as usize;
        let (reply, answer) = oneshot::channel();
        self.mailboxes[shard]
            .send(Add { key, amount, reply })
            .await
            .unwrap_or_else(|_| panic!("shard {shard} is gone"));
        answer.await.unwrap()
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        let Shards { mailboxes, threads } = self;
        drop(mailboxes);
        let mut out = Vec::with_capacity(threads.len());
        for t in threads {
            out.push(t.join().expect("shard thread panicked"));
        }
        out
    }
}
