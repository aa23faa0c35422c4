// tests/progs/node-fork.js: child_process.fork() starts process.execPath (node's
// /proc/self/exe) on this file again; the child and the parent print that path.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
	console.log('child', process.execPath);
	process.exit(0);
}
fork(__filename, ['child']).on('exit', (code) => {
	console.log('parent', process.execPath, 'child exit', code);
	process.exitCode = code;
});
