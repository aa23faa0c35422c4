/*
 * memprot/arm/tasks.h: the demo's task bodies (run unprivileged by run_task) and the
 * kernel's own accesses, each taking the address it touches.
 */
#ifndef MEMPROT_ARM_TASKS_H
#define MEMPROT_ARM_TASKS_H

#include <stdint.h>

uint32_t kernel_write(uint32_t addr);

uint32_t task_control(uint32_t unused);
uint32_t task_read(uint32_t addr);
uint32_t task_write(uint32_t addr);
uint32_t task_call(uint32_t addr);
uint32_t task_push_forever(uint32_t unused);
uint32_t task_svc_at(uint32_t sp);
uint32_t task_bad_return(uint32_t unused);

#endif
