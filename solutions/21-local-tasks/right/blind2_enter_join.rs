//! Right: step 1 spawns under `local.enter()` and awaits the whole set (`local`) beside the
//! post with `join!`. Step 2 looks up in a block of its own, inserts with `entry().or_insert`.
//! Step 3 `futures::future::join` of the post and `join_all` of the handles. Step 4 `run_until`
//! of the mailbox loop, then `block_on(local)` to finish the adds still on the set; shutdown
//! drops each sender in a loop before joining any thread.

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    {
        let _inside = local.enter();
        for id in warm {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::task::spawn_local(async move {
                let user = api.fetch_user(id).await;
                cache.borrow_mut().insert(id, user);
            });
        }
    }
    // await the set (every task to its end) side by side with the post
    let (post, ()) = tokio::join!(api.fetch_post(serve), local);
    post
}

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    {
        let map = cache.borrow();
        if let Some(user) = map.get(&id) {
            return user.clone();
        }
    }
    let user = api.fetch_user(id).await;
    cache.borrow_mut().entry(id).or_insert(user).clone()
}

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let handles: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::spawn(async move {
                let user = api.fetch_user(id).await;
                if let Ok(mut map) = cache.lock() {
                    map.insert(id, user);
                }
            })
        })
        .collect();
    let (post, done) =
        futures::future::join(api.fetch_post(serve), futures::future::join_all(handles)).await;
    for d in done {
        d.unwrap();
    }
    post
}

pub struct Shards {
    shards: Vec<(
        mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>,
        std::thread::JoinHandle<HashMap<u64, u64>>,
    )>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        fn shard_main(
            i: usize,
            mut rx: mpsc::UnboundedReceiver<(u64, u64, oneshot::Sender<Hit>)>,
        ) -> HashMap<u64, u64> {
            let rt = tokio::runtime::Builder::new_current_thread()
                .build()
                .unwrap();
            let local = LocalSet::new();
            let totals: Rc<RefCell<HashMap<u64, u64>>> = Rc::default();
            let state = totals.clone();
            rt.block_on(local.run_until(async move {
                // a local task per add, so one slow add does not hold up the mailbox
                while let Some((key, amount, reply)) = rx.recv().await {
                    let state = state.clone();
                    tokio::task::spawn_local(async move {
                        let total = {
                            let mut map = state.borrow_mut();
                            let t = map.entry(key).or_insert(0);
                            *t += amount;
                            *t
                        };
                        let _ = reply.send(Hit {
                            total,
                            shard: i,
                            place: Place::here(),
                        });
                    });
                }
            }));
            // the mailbox is closed: finish the adds still on the set
            rt.block_on(local);
            totals.take()
        }

        let mut shards = Vec::with_capacity(n);
        for i in 0..n {
            let (tx, rx) = mpsc::unbounded_channel();
            let handle = std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || shard_main(i, rx))
                .unwrap();
            shards.push((tx, handle));
        }
        Shards { shards }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let n = self.shards.len() as u64;
        let (tx, rx) = oneshot::channel();
        self.shards[(key % n) as usize]
            .0
            .send((key, amount, tx))
            .unwrap();
        rx.await.unwrap()
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        let mut handles = Vec::new();
        for (tx, h) in self.shards {
            drop(tx);
            handles.push(h);
        }
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    }
}
