#!/usr/bin/env node
import('../dist/gongkai.js').then((m) => m.main());
