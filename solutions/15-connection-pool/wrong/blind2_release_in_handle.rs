//! Wrong: Blind examination, second round: the connection goes back by an
//! explicit pool.release(conn) at the end of handle; the guard's Drop only
//! closes it. The ? on a failed query and a panic skip the release. Real cause:
//! give it back in Drop, which runs on every exit.
//! expect: did not come back when its query failed

pub struct Pool {
    db: Db,
    permits: Arc<Semaphore>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    _permit: OwnedSemaphorePermit,
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
        let permit = timeout(wait, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("never closed");
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
            _permit: permit,
        })
    }

    fn release(&self, mut conn: PooledConn) {
        if let Some(c) = conn.conn.take() {
            if c.is_clean() {
                c.checked_in();
                self.idle
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push_back(c);
            }
        }
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
            drop(conn);
        }
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let request = async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|_| HandlerError::NoConnection)?;
        let rows = conn.query(&query).await.map_err(HandlerError::Query)?;
        pool.release(conn);
        Ok(rows)
    };
    timeout(REQUEST_DEADLINE, request)
        .await
        .unwrap_or(Err(HandlerError::Deadline))
}
