//! Right: step 1 keeps the JoinHandles of `local.spawn_local` and awaits them, with the post,
//! inside `run_until`. Step 2 `map(User::clone)` then a `match` on the owned value (no guard in
//! the scrutinee). Step 3 the post in a task of its own too. Step 4 one local task per shard
//! that serves the adds in order (no task per add), awaited with `local.block_on`; the map
//! cloned out at the end.

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    let handles: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache) = (api.clone(), cache.clone());
            local.spawn_local(async move {
                let user = api.fetch_user(id).await;
                cache.borrow_mut().insert(id, user);
            })
        })
        .collect();
    local
        .run_until(async {
            let (post, done) =
                futures::future::join(api.fetch_post(serve), futures::future::join_all(handles))
                    .await;
            for d in done {
                d.expect("warming task");
            }
            post
        })
        .await
}

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    let hit: Option<User> = cache.borrow().get(&id).map(User::clone);
    match hit {
        Some(user) => user,
        None => {
            let fetched = api.fetch_user(id).await;
            let mut map = cache.borrow_mut();
            map.insert(id, fetched.clone());
            fetched
        }
    }
}

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let warming: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache) = (api.clone(), Arc::clone(&cache));
            tokio::spawn(async move {
                let user = api.fetch_user(id).await;
                let mut map = cache.lock().unwrap();
                map.insert(id, user);
                drop(map);
            })
        })
        .collect();
    // the post in a task of its own too
    let post = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_post(serve).await }
    });
    for w in warming {
        w.await.unwrap();
    }
    post.await.unwrap()
}

pub struct Shards {
    mailboxes: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let (mailboxes, threads) = (0..n)
            .map(|i| {
                let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
                let t = std::thread::Builder::new()
                    .name(format!("shard-{i}"))
                    .spawn(move || {
                        let rt = tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()
                            .unwrap();
                        let local = LocalSet::new();
                        let totals = Rc::new(RefCell::new(HashMap::<u64, u64>::new()));
                        let mine = totals.clone();
                        // one local task: the mailbox loop, adds served in order
                        let task = local.spawn_local(async move {
                            while let Some((key, amount, reply)) = rx.recv().await {
                                let total = {
                                    let mut m = mine.borrow_mut();
                                    let v = m.entry(key).or_insert(0);
                                    *v += amount;
                                    *v
                                };
                                let place = Place::here();
                                reply
                                    .send(Hit {
                                        total,
                                        shard: i,
                                        place,
                                    })
                                    .ok();
                            }
                        });
                        local.block_on(&rt, task).unwrap();
                        let map = totals.borrow().clone();
                        map
                    })
                    .unwrap();
                (tx, t)
            })
            .unzip();
        Shards { mailboxes, threads }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let (tx, rx) = oneshot::channel();
        let shard = key as usize % self.mailboxes.len();
        self.mailboxes[shard]
            .send((key, amount, tx))
            .expect("shard running");
        rx.await.expect("shard answered")
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        let Shards { mailboxes, threads } = self;
        drop(mailboxes);
        let mut out = Vec::new();
        for t in threads {
            out.push(t.join().unwrap());
        }
        out
    }
}
