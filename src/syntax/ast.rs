//! The syntax tree. Every node that can fail at run time carries the byte span
//! of its source so errors point at the construct that failed.

pub use crate::error::Span;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    OrOr,
    AndAnd,
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    LDiv,
    EMul,
    EDiv,
    ELDiv,
    Pow,
    EPow,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            OrOr => "||",
            AndAnd => "&&",
            Or => "|",
            And => "&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            LDiv => "\\",
            EMul => ".*",
            EDiv => "./",
            ELDiv => ".\\",
            Pow => "^",
            EPow => ".^",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
    Not,
    Transpose,
    CTranspose,
}

#[derive(Debug, Clone)]
pub enum Arg {
    /// A bare `:` in an index: every element along that dimension.
    Colon,
    Expr(Expr),
}

/// A variable name as written, with a cache of where it was last found
/// (the variable store reads and fills it): a loop body then finds its variables
/// without hashing their names on every iteration.
#[derive(Debug, Clone)]
pub struct Name {
    text: String,
    /// (workspace id, slot) of the last successful lookup; id 0 = none.
    pub(crate) slot: std::cell::Cell<(u64, u32)>,
}

impl Name {
    pub fn new(text: impl Into<String>) -> Name {
        Name {
            text: text.into(),
            slot: std::cell::Cell::new((0, 0)),
        }
    }
}

impl std::ops::Deref for Name {
    type Target = String;
    fn deref(&self) -> &String {
        &self.text
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A numeric literal as written, so exactness can be decided by the evaluator.
    Number(String),
    /// An imaginary literal `2i` (text without the unit).
    Imag(String),
    Str(String),
    Ident(Name),
    /// `end` inside an index.
    End,
    Colon,
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnOp, Box<Expr>),
    Range(Box<Expr>, Option<Box<Expr>>, Box<Expr>),
    /// `f(args)` or `A(i, j)`: which one is decided at run time.
    Call(Box<Expr>, Vec<Arg>),
    /// Rows of elements; each element may itself be a matrix (concatenation).
    Matrix(Vec<Vec<Expr>>),
    /// A cell array literal `{1, 'a'; [1 2], @sin}`: rows of elements.
    Cell(Vec<Vec<Expr>>),
    /// `c{i}` / `c{i, j}`: the contents of a cell's elements.
    CellIndex(Box<Expr>, Vec<Arg>),
    AnonFn(Rc<Lambda>),
    FuncHandle(String),
    /// `++x` (Add) / `--x` (Sub): x changed by one, the value the new x;
    /// two signs when the operand is not a variable (`--2` is 2).
    PreIncr(BinOp, Box<Expr>),
    /// `s.name`: a field of a structure (the error of `catch err`).
    Field(Box<Expr>, String),
}

#[derive(Debug)]
pub struct Lambda {
    pub params: Vec<String>,
    pub body: Expr,
    /// Source text of the whole `@(x) ...`, for display.
    pub text: String,
    /// The input it was written in (set when it is first evaluated): its
    /// spans are offsets into it, so its errors are shown there.
    pub source: std::cell::OnceCell<std::sync::Arc<crate::error::Source>>,
}

#[derive(Debug, Clone)]
pub struct LValue {
    pub name: Name,
    pub index: Option<Vec<Arg>>,
    /// The index is in braces: `c{i} = v` sets a cell's element.
    pub brace: bool,
    /// What follows the first index: `s.a = v`, `s.v(2) = v`, `c{2}.name = v`.
    /// Empty for a variable or one element of it.
    pub path: Vec<Sel>,
    pub span: Span,
    /// The target is `name(end+1)`, decided once here: the evaluator pushes
    /// a number onto the vector without evaluating the subscript.
    pub append: bool,
}

impl LValue {
    pub fn new(
        name: Name,
        index: Option<Vec<Arg>>,
        brace: bool,
        path: Vec<Sel>,
        span: Span,
    ) -> LValue {
        let append = !brace
            && path.is_empty()
            && matches!(index.as_deref(), Some([Arg::Expr(e)]) if is_end_plus_one(e));
        LValue {
            name,
            index,
            brace,
            path,
            span,
            append,
        }
    }
}

fn is_end_plus_one(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary(BinOp::Add, a, b) => {
            matches!(a.kind, ExprKind::End) && matches!(&b.kind, ExprKind::Number(s) if s == "1")
        }
        _ => false,
    }
}

/// One step into a value in an assignment target.
#[derive(Debug, Clone)]
pub enum Sel {
    /// `.name`
    Field(String),
    /// `(i, j)`
    Paren(Vec<Arg>),
    /// `{i, j}`
    Brace(Vec<Arg>),
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
    /// False when the statement ended with `;`.
    pub display: bool,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Expr(Expr),
    Assign(LValue, Expr),
    OpAssign(LValue, BinOp, Expr),
    /// `[a, ~, b] = f(...)`; `None` is a skipped output.
    MultiAssign(Vec<Option<LValue>>, Expr),
    If(Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    For(Name, Expr, Vec<Stmt>),
    While(Expr, Vec<Stmt>),
    /// `switch x`, its cases (a value, or a cell of values `{1, 2}`), `otherwise`.
    Switch(Expr, Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    /// `try ... catch err ... end`: the body, the name the error is bound to, the handler.
    Try(Vec<Stmt>, Option<Name>, Vec<Stmt>),
    /// `unwind_protect ... unwind_protect_cleanup ... end`: the cleanup always runs.
    Unwind(Vec<Stmt>, Vec<Stmt>),
    /// `do ... until cond`.
    DoUntil(Vec<Stmt>, Expr),
    /// `x++` (Add) or `x--` (Sub).
    Incr(LValue, BinOp),
    Break,
    Continue,
    Return,
    Function(Rc<FunctionDef>),
    Command(String, Vec<String>),
    Steps {
        latex: bool,
        expr: Expr,
    },
    /// `check QUESTION = ANSWER, ...`: is the student's answer right?
    Check(Box<Check>),
}

/// A `check` statement: `check [V, D] = eig(A) = V0, D0`.
#[derive(Debug, Clone)]
pub struct Check {
    /// The names of `[V, D] = ...` (empty without them), used in messages.
    pub outputs: Vec<String>,
    pub question: Expr,
    /// The question as typed (`eig(A)`), for messages and suggestions.
    pub question_text: String,
    /// The answers, one per output, each with its text as typed: the text
    /// of a decimal (`0.333`) says how far it was rounded.
    pub answers: Vec<Expr>,
}

#[derive(Debug)]
pub struct FunctionDef {
    pub name: String,
    pub params: Vec<String>,
    pub outputs: Vec<String>,
    pub body: Vec<Stmt>,
    /// Source text of the whole definition, so `save` can write a handle to
    /// it in a form `load` restores as a working function.
    pub text: String,
    /// The input it was defined in (set when the definition runs): its
    /// spans are offsets into it, so its errors are shown there.
    pub source: std::cell::OnceCell<std::sync::Arc<crate::error::Source>>,
}
