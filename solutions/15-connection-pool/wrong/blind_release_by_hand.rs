//! Wrong: Blind examination: the guard's Drop does nothing; handle gives the
//! connection back by hand after the query (`let rows = conn.query(&q).await?;
//! pool.release(conn);`), so `?` on an error and a panic skip the release, and
//! the permit is forgotten with it. Real cause: the return must happen in Drop,
//! which runs on every exit (error, panic, cancellation); a release line in
//! handle is skipped by `?` and unwinding.
//! expect: a connection goes back to the pool however its handler ends

#[derive(Debug, PartialEq, Eq)]
pub enum PoolError {
    Timeout,
}

#[derive(Debug, PartialEq, Eq)]
pub enum HandlerError {
    NoConnection,
    Query(DbError),
    Deadline,
}

pub struct Pool {
    db: Db,
    permits: Arc<Semaphore>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    permit: Option<OwnedSemaphorePermit>,
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
            permit: Some(permit),
        })
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("lent until drop")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("lent until drop")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        // released by hand in handle(); a guard dropped otherwise keeps its permit
        if let Some(p) = self.permit.take() {
            p.forget();
        }
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    // The examiner's `impl PooledConn { fn release }`, nested here for the
    // catalogue's splice.
    fn release(mut guard: PooledConn) {
        if let Some(conn) = guard.conn.take() {
            if conn.is_clean() {
                conn.checked_in();
                guard
                    .idle
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push_back(conn);
            }
        }
        if let Some(p) = guard.permit.take() {
            drop(p);
        }
    }

    let request = async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|_| HandlerError::NoConnection)?;
        let rows = conn.query(&query).await.map_err(HandlerError::Query)?;
        release(conn);
        Ok(rows)
    };
    timeout(REQUEST_DEADLINE, request)
        .await
        .unwrap_or(Err(HandlerError::Deadline))
}
