// The task sheet of "Heute", loaded when it is opened: it brings the write path (write-record and
// the rules of every table), which the first screen itself does not need (first-screen budget).
// Gaps have their own lazy pages (features/gaps).
export { AddTaskSheet } from '../cases/add-task-sheet';
