//! Right: the permits are counted by hand, `forget` on acquire and
//! `add_permits` in the guard's `Drop`, after the connection is back; the
//! guard is made before a replacement connection opens, so a cancelled
//! `connect` gives its permit back too. The deadline is a `select!`
//! (`biased;`, request first) against a sleep instead of `timeout`.

pub struct Pool {
    db: Db,
    shared: Arc<(Semaphore, Mutex<VecDeque<Conn>>)>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    shared: Arc<(Semaphore, Mutex<VecDeque<Conn>>)>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let idle: VecDeque<Conn> = (0..size).map(|_| db.open()).collect();
        Pool {
            db,
            shared: Arc::new((Semaphore::new(size), Mutex::new(idle))),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let Ok(permit) = timeout(wait, self.shared.0.acquire()).await else {
            return Err(PoolError::Timeout);
        };
        permit.expect("never closed").forget();
        let mut guard = PooledConn {
            conn: None,
            shared: Arc::clone(&self.shared),
        };
        let idle = self.shared.1.lock().unwrap().pop_front();
        guard.conn = Some(match idle {
            Some(conn) => conn,
            None => self.db.connect().await,
        });
        Ok(guard)
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("set by acquire")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("set by acquire")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take().filter(Conn::is_clean) {
            conn.checked_in();
            self.shared.1.lock().unwrap().push_back(conn);
        }
        self.shared.0.add_permits(1);
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let request = async {
        let mut conn = match pool.acquire(ACQUIRE_TIMEOUT).await {
            Ok(conn) => conn,
            Err(PoolError::Timeout) => return Err(HandlerError::NoConnection),
        };
        match conn.query(&query).await {
            Ok(rows) => Ok(rows),
            Err(error) => Err(HandlerError::Query(error)),
        }
    };
    tokio::select! {
        biased;
        outcome = request => outcome,
        () = tokio::time::sleep(REQUEST_DEADLINE) => Err(HandlerError::Deadline),
    }
}
