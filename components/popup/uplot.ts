/** uPlot and its stylesheet, imported only by the popup's charts when they first draw (a chunk of its own). */
import 'uplot/dist/uPlot.min.css';

export { default } from 'uplot';
