/* memprot/arm/mpu_table.c: a region table's checks and the names of enum mpu_err (mpu.h); pure. */
#include "memprot/arm/mpu.h"

const char *mpu_err_name(int err)
{
	static const char *const names[] = {
		[MPU_OK] = "ok",
		[MPU_ESIZE] = "size is not a power of two of at least 32 bytes",
		[MPU_EALIGN] = "region is not aligned as the architecture needs",
		[MPU_EACCESS] = "this architecture cannot encode the access",
		[MPU_ECOUNT] = "more regions than the MPU has",
		[MPU_EOVERLAP] = "regions overlap",
	};

	if (err < 0)
		err = -err;
	if ((size_t)err >= sizeof names / sizeof names[0] || !names[err])
		return "unknown error";
	return names[err];
}

int mpu_check(const struct mpu_arch *a, const struct mpu_region *t, size_t n, unsigned dregion,
	      size_t *bad)
{
	struct mpu_regs regs;
	int err;

	*bad = n;
	if (n > dregion)
		return -MPU_ECOUNT;
	for (size_t i = 0; i < n; i++) {
		*bad = i;
		if ((err = a->encode(&t[i], &regs)) < 0)
			return err;
		for (size_t j = 0; j < i && !a->overlap_ok; j++)
			if (t[j].base < t[i].end && t[i].base < t[j].end)
				return -MPU_EOVERLAP;
	}
	*bad = n;
	return 0;
}
