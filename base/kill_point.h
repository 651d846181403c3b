// Kill points: the places where a crash test stops a writer dead, chosen by
// the writer's own progress instead of by a clock, so that a crash test
// cannot pass or fail by timing.
//
//   KG_KILL_AT=N          the process kills itself with SIGKILL at the Nth
//                         kill point it reaches (counted from 1, over all
//                         threads)
//   KG_KILL_POINTS_LOG=F  every kill point reached appends its name and a
//                         newline to file F, so a test can count the points
//                         of an uninterrupted run and pick N within them
//
// With neither variable set a kill point costs one atomic load. The writer
// code puts one after each committed write and before each step whose
// interruption leaves a distinct state on disk (graph/store).
#pragma once

namespace kg {

void kill_point(const char* where);

}  // namespace kg
