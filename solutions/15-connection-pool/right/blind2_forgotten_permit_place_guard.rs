//! Right: Blind examination, second round: permits taken by hand
//! (Semaphore::acquire, then forget) and given back by a small Place guard made
//! right after, before the connect's await, so a cancelled connect, a closed
//! connection, an error or a panic all add the permit back. The guard holds the
//! Place as its last field (boxed, its type local to acquire).

pub struct Pool {
    db: Db,
    permits: Arc<Semaphore>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    /// A `Place` (local to acquire): adds the permit back when dropped, last.
    place: Box<dyn std::any::Any + Send + Sync>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let idle: VecDeque<Conn> = (0..size).map(|_| db.open()).collect();
        Pool {
            db,
            permits: Arc::new(Semaphore::new(size)),
            idle: Arc::new(Mutex::new(idle)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        timeout(wait, self.permits.acquire())
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("never closed")
            .forget();
        /// One permit taken by hand (forgotten); Drop adds it back, whatever happened.
        struct Place(Arc<Semaphore>);

        impl Drop for Place {
            fn drop(&mut self) {
                self.0.add_permits(1);
            }
        }

        let place: Box<dyn std::any::Any + Send + Sync> =
            Box::new(Place(Arc::clone(&self.permits)));
        let popped = self
            .idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front();
        let conn = match popped {
            Some(conn) => conn,
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            idle: Arc::clone(&self.idle),
            place,
        })
    }
}

impl Deref for PooledConn {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("present until drop")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("present until drop")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            if conn.is_clean() {
                conn.checked_in();
                self.idle
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push_back(conn);
            }
        }
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let request = async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|_| HandlerError::NoConnection)?;
        conn.query(&query).await.map_err(HandlerError::Query)
    };
    timeout(REQUEST_DEADLINE, request)
        .await
        .unwrap_or(Err(HandlerError::Deadline))
}
