//! Wrong: Blind examination: the pool is one tokio::sync::Mutex<VecDeque<Conn>>
//! and the guard is its MutexGuard: the lock is held across the whole query, so
//! one handler at a time. Real cause: a lock held across the query serialises
//! the handlers: the lock must cover pop/push only, a semaphore counts lent
//! connections.
//! expect: a lock held across the query lets one handler at a time in

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
    idle: Arc<tokio::sync::Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    guard: tokio::sync::OwnedMutexGuard<VecDeque<Conn>>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let idle: VecDeque<Conn> = (0..size).map(|_| db.open()).collect();
        Pool {
            db,
            idle: Arc::new(tokio::sync::Mutex::new(idle)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let mut guard = timeout(wait, Arc::clone(&self.idle).lock_owned())
            .await
            .map_err(|_| PoolError::Timeout)?;
        let conn = match guard.pop_front() {
            Some(conn) => conn,
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            guard,
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
        if let Some(conn) = self.conn.take() {
            if conn.is_clean() {
                conn.checked_in();
                self.guard.push_back(conn);
            }
            // else: dropped here, which closes it
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
